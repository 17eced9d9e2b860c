// Waits for SIGINT through os/signal, with nothing else to run: not a deadlock (the
// receiver sleeps in a system call, as in gc). tools/signal_wait_test.sh sends it.
package main

import (
	"fmt"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	fmt.Println("ready")
	fmt.Println("got", <-c)
}
