// errorcheck

// An import that the file never refers to.

package main

import (
	"fmt" // ERROR "imported and not used: .fmt."
	"os"
)

func main() {
	os.Exit(0)
}
