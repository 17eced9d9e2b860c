// errorcheck

// Arrays of 1<<50 bytes or more, gc's limit on amd64, are larger than the address
// space, whether declared, built by a literal or allocated by new.

package main

var x [1 << 62]byte          // ERROR "type \[4611686018427387904\]byte larger than address space"
var y [1 << 32][1 << 32]byte // ERROR "type \[4294967296\]\[4294967296\]byte larger than address space"
var z = [...]int{1 << 62: 1} // ERROR "type \[4611686018427387905\]int larger than address space"

func main() {
	_, _, _ = x, y, z
	p := new([1 << 50]byte) // ERROR "type \[1125899906842624\]byte larger than address space"
	_ = p
}
