// A runtime call that ends a function panics: the caller's frame must still be in
// the traceback (gc never turns calls into jumps), as gc prints it.
package main

func f(c chan int) {
	close(c)
}

func main() {
	c := make(chan int)
	f(c)
	f(c)
}
