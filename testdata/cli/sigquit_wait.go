// Prints "ready", then blocks (a sleeping main, a goroutine waiting on a channel)
// until SIGQUIT makes the runtime dump every goroutine and exit 2.
package main

import (
	"fmt"
	"time"
)

func waitForever(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	go waitForever(c)
	fmt.Println("ready")
	time.Sleep(time.Hour)
}
