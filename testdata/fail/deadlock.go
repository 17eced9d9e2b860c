// run
// exitcode: 2

// Every goroutine blocked: gc's checkdead message and a goroutine dump.

package main

func main() {
	c := make(chan int)
	c <- 1
}
