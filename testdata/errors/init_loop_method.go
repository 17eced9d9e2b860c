// errorcheck

// A package variable whose initialiser calls a method that refers back to it is an
// initialization loop; the method counts as a function does.

package main

type T struct{}

func (T) m() int { return x }

var x = T{}.m() // ERROR "initialization loop for x"

func main() { println(x) }
