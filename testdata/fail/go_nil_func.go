// run
// exitcode: 2

// `go f()` of a nil func value with no arguments is gc's fatal error in the goroutine
// that runs the go statement (newproc gets the nil func itself).

package main

func main() {
	var f func()
	go f()
	select {}
}
