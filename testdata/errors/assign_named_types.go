// errorcheck

// Assignability between types of one underlying type: allowed only when one of
// them is not a named type, and predeclared types (int, bool...) are named. gojit
// took int and bool for unnamed and let them into MyInt and B (found by
// differential fuzzing against gc: test/named1.go, fixedbugs/issue6671.go).

package main

type MyInt int
type B bool
type S []int
type F func(int) int
type C chan int

func asB(B) {}

func main() {
	var x int
	var y MyInt = x // ERROR "cannot use x \(variable of type int\) as MyInt value in variable declaration"
	var b bool
	var c B = b          // ERROR "cannot use b \(variable of type bool\) as B value in variable declaration"
	var d B = bool(true) // ERROR "cannot use bool\(true\) \(constant true of type bool\) as B value in variable declaration"
	ch := make(chan int)
	_, ok := <-ch
	asB(ok) // ERROR "cannot use ok \(variable of type bool\) as B value in argument to asB"
	var m map[string]int
	_, ok2 := m["k"]
	asB(ok2) // ERROR "cannot use ok2 \(variable of type bool\) as B value in argument to asB"

	// Still assignable: untyped values, and an unnamed type to a named one.
	var e MyInt = 3
	var f B = 1 < 2
	var g S = []int{1}
	var h F = func(i int) int { return i }
	var k C = ch
	var ok3 B
	_, ok3 = m["k"]
	_, ok3 = <-ch
	_, _, _, _, _, _, _, _, _ = y, c, d, e, f, g, h, k, ok3
}
