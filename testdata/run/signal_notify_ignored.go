// run

// Signals gc delivers only to os/signal (SIGUSR1, SIGUSR2, SIGIO, ...) do not kill a
// program that never asked for them: it goes on as if nothing happened.

package main

import (
	"fmt"
	"syscall"
	"time"
)

func main() {
	for _, sig := range []syscall.Signal{syscall.SIGUSR1, syscall.SIGUSR2} {
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			fmt.Println("kill:", err)
		}
		time.Sleep(10 * time.Millisecond) // the signal has arrived by now
		fmt.Println("survived", sig)
	}
}
