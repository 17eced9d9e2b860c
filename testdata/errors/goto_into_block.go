// errorcheck

// A goto may not jump into a block: not into a { } block, a loop body, an else, or
// a case clause of a switch or select. Out of blocks is fine.

package main

func main() {
	x := 1
	goto L // ERROR "goto L jumps into block starting at .*:12:2"
	switch x {
	case 1:
	L:
		println(1)
	}
	goto N // ERROR "goto N jumps into block starting at .*:18:2"
	select {
	default:
	N:
	}
	goto O // ERROR "goto O jumps into block starting at .*:23:9"
	if x > 0 {
	} else {
	O:
	}
	for {
		goto P
	}
P:
}
