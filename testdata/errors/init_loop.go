// errorcheck

// A package variable whose initialiser refers back to it, through a function, is an
// initialization loop.

package main

var x = f() // ERROR "initialization loop for x"

func f() int { return x + 1 }

func main() { println(x) }
