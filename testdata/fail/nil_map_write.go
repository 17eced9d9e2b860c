// exitcode: 2

// Assigning to an entry of a nil map panics (reading one does not).

package main

func main() {
	var m map[string]int
	_ = m["a"]
	m["a"] = 1
}
