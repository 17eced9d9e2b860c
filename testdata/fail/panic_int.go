// exitcode: 2

// panic with an int value prints its decimal form.

package main

func main() {
	panic(42)
}
