// errorcheck

// Method values and method expressions refer to the method's body too: each of
// these initialisers loops back to its variable through a method.

package main

type T struct{ n int }

func (t *T) get() int { return t.n + y }

func (T) expr() int { return z }

var y = helper((&T{}).get) // ERROR "initialization cycle for y\n\t.*: y refers to get\n\t.*: get refers to y$"

var z = T.expr(T{}) // ERROR "initialization cycle for z\n\t.*: z refers to expr\n\t.*: expr refers to z$"

func helper(f func() int) int { return f() }

func main() { println(y, z) }
