// errorcheck

// return statements with too many or too few values.

package main

func one() int {
	return 1, 2 // ERROR "too many return values"
}

func two() (int, string) {
	return 1 // ERROR "not enough return values"
}

func none() {
	return 5 // ERROR "too many return values"
}

func main() {
	one()
	two()
	none()
}
