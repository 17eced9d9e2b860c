// exitcode: 2

// panic with a string built by fmt.Sprintf, from a nested call.

package main

import "fmt"

func validate(age int) {
	if age < 0 {
		panic(fmt.Sprintf("invalid age %d", age))
	}
}

func main() {
	validate(30)
	validate(-1)
}
