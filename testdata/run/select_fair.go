// run

// select picks uniformly among ready cases (select.go's random poll order): over
// 10,000 rounds with both cases ready each side wins about half the time; the
// bound is ten standard deviations, so the test does not flake.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	na, nb := 0, 0
	for i := 0; i < 10000; i++ {
		a <- 1
		b <- 2
		select {
		case <-a:
			na++
			<-b
		case <-b:
			nb++
			<-a
		}
	}
	fmt.Println("total", na+nb)
	fmt.Println("a in [4500,5500]:", na >= 4500 && na <= 5500)
	fmt.Println("b in [4500,5500]:", nb >= 4500 && nb <= 5500)

	// A ready case always beats default.
	c := make(chan int, 1)
	c <- 7
	select {
	case v := <-c:
		fmt.Println("ready case", v)
	default:
		fmt.Println("default")
	}
	// Nil channels are never ready.
	var nilc chan int
	select {
	case <-nilc:
		fmt.Println("nil channel")
	default:
		fmt.Println("default with nil channel")
	}
}
