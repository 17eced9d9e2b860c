// run

// Package variables initialise in declaration order, each after the variables its
// initialiser refers to, directly or through functions (Go spec, "Package
// initialization"); blank variables count too.

package main

import "fmt"

var (
	_ = d
	_ = f("_", c, b)
	a = f("a")
	b = f("b")
	c = f("c")
	d = f("d")
	e = g()
)

func f(s string, rest ...int) int {
	fmt.Print(s)
	return len(rest)
}

func g() int { return h() + 1 }

func h() int { return d + 10 }

func init() { fmt.Println(" init", e) }

func main() { fmt.Println("main", a, b, c, d, e) }
