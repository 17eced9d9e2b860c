// errorcheck

// Range over functions: the iterator must be func(yield func(...) bool), and the
// yield function's arity bounds the iteration variables.

package main

type B bool

func f0(yield func() bool)              {}
func f1(yield func(int) bool)           {}
func g1(yield func(int, int, int) bool) {}
func g2(yield func(int))                {}
func g3(yield func(int) B)              {}
func g4(x int)                          {}
func g5()                               {}
func g6(yield func(int) bool) int       { return 0 }

func main() {
	for x := range f0 { // ERROR "range over f0 .* permits no iteration variables"
		_ = x
	}
	for x, y := range f1 { // ERROR "range over f1 .* permits only one iteration variable"
		_, _ = x, y
	}
	for range g1 { // ERROR "cannot range over g1 .*: func must be func\(yield func\(...\) bool\): yield func has too many parameters"
	}
	for range g2 { // ERROR "yield func does not return bool"
	}
	for range g3 { // ERROR "yield func returns user-defined boolean, not bool"
	}
	for range g4 { // ERROR "argument is not func"
	}
	for range g5 { // ERROR "wrong argument count"
	}
	for range g6 { // ERROR "unexpected results"
	}
	var s string
	for s = range f1 { // ERROR "cannot use s \(value of type int\) as string value in assignment"
	}
	_ = s
}
