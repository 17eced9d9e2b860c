// A panic in a goroutine other than main crashes the program; with
// GOTRACEBACK=all the blocked main goroutine is shown too.
package main

func blockMain(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	go func() {
		panic("boom")
	}()
	blockMain(c)
}
