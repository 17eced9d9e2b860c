// errorcheck

// A label that no statement refers to.

package main

func main() {
L: // ERROR "label L defined and not used"
	for {
		break
	}
}
