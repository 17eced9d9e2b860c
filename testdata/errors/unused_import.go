// errorcheck

// An import that the file never refers to.

package main

import (
	"fmt" // ERROR ".fmt. imported and not used"
	"os"
)

func main() {
	os.Exit(0)
}
