// errorcheck

// Indices of array and slice literals: non-negative integer constants within an
// array's length, never twice (counting unkeyed elements on from the last key);
// constant keys of a map literal never twice (equal values, and identical types
// under an interface key type).

package main

var _ = [3]int{5: 1}                          // ERROR "invalid argument: index 5 out of bounds \[0:3\]"
var _ = [2]int{1, 2, 3}                       // ERROR "index 2 is out of bounds \(>= 2\)"
var _ = []int{1, 0: 2}                        // ERROR "duplicate index 0 in array or slice literal"
var _ = [...]int{-1: 50}                      // ERROR "invalid argument: index -1 \(constant of type int\) must not be negative"
var _ = []int{"a": 1}                         // ERROR "cannot convert \x22a\x22 \(untyped string constant\) to type int"
var _ = map[float64]int{1: 1, 1.0: 2}         // ERROR "duplicate key 1 in map literal"
var _ = map[any]int{1: 1, int64(1): 2, 1: 3}  // ERROR "duplicate key 1 in map literal"
var _ = map[string]int{"a": 1, "b": 2, "a": 3} // ERROR "duplicate key \x22a\x22 in map literal"

var _ = "abc"[1:5]                             // ERROR "invalid argument: index 5 out of bounds \[0:4\]"

var fine = [...]int{2: 1, 1, 0: 5}
var fineMap = map[any]int{1: 1, int64(1): 2, "1": 3}

func main() {}
