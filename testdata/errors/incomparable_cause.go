// errorcheck

// Why a value cannot be compared, in types2's words: a struct names the type of its
// first incomparable field; an array names itself. The error stands at the operand
// that cannot be compared.

package main

type A [2][]int
type S struct {
	n int
	f func()
}
type N struct{ s S }

func main() {
	var a, b A
	_ = a == b // ERROR "invalid operation: a == b \(A cannot be compared\)"
	var c, d [3]S
	_ = c == d // ERROR "invalid operation: c == d \(\[3\]S cannot be compared\)"
	var n, m N
	_ = n == m // ERROR "invalid operation: n == m \(struct containing S cannot be compared\)"
	var s, t S
	_ = s != t // ERROR "invalid operation: s != t \(struct containing func\(\) cannot be compared\)"
	var i interface{} = 1
	_ = i == n // ERROR "invalid operation: i == n \(struct containing S cannot be compared\)"
}
