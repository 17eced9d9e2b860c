// errorcheck

// A package name is only the left of a selector: alone it is an error, reported
// once, and not a use of the import (gojit crashed on the constant).

package main

import "fmt" // ERROR "\x22fmt\x22 imported and not used"
import "strings"

const n = fmt // ERROR "use of package fmt not in selector"

var s = strings // ERROR "use of package strings not in selector"

func main() {
	_ = strings.ToUpper("x")
}
