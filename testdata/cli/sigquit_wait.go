// Prints "ready" once main sleeps and a goroutine waits on a channel (a third
// goroutine prints it 200ms later), then blocks until SIGQUIT makes the runtime
// dump every goroutine and exit 2.
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
	go func() {
		time.Sleep(200 * time.Millisecond)
		fmt.Println("ready")
	}()
	time.Sleep(time.Hour)
}
