// errorcheck

// A package variable whose initialiser refers back to it, through a function, is an
// initialization cycle.

package main

var x = f() // ERROR "initialization cycle for x\n\t.*: x refers to f\n\t.*: f refers to x$"

func f() int { return x + 1 }

func main() { println(x) }
