// errorcheck

// len and cap of an array are constants unless evaluating the operand makes a
// non-constant call or a receive, wherever in the operand it sits (an index, a
// binary expression, a composite literal); calls with constant results do not count.
// Indexing a constant string is never constant either.

package main

var s [][10]int
var ch chan [3]int

func f() int { return 0 }

const m = len(s[len(s)-1])     // ERROR "is not constant"
const n = len([2][4]int{}[f()]) // ERROR "is not constant"
const o = cap(<-ch)             // ERROR "is not constant"
const p = "abc"[1]              // ERROR "is not constant"

var arr [5][7]int

const fine = len(arr[len(arr)-1]) + len([3]int{}) + cap(arr[int(2)])

func main() { println(fine) }
