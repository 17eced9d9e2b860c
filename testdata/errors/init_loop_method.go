// errorcheck

// A package variable whose initialiser calls a method that refers back to it is an
// initialization cycle; the method counts as a function does.

package main

type T struct{}

func (T) m() int { return x }

var x = T{}.m() // ERROR "initialization cycle for x\n\t.*: x refers to m\n\t.*: m refers to x$"

func main() { println(x) }
