// run

// Dot imports: the package's exported names are used unqualified, types,
// functions and constants alike (Go's own tests do it: `import . "strings"`).

package main

import (
	"fmt"
	. "math"
	. "strings"
)

type B = Builder

func Shout(s string) string { return ToUpper(s) + "!" }

func main() {
	var b B
	b.WriteString(Shout("dot"))
	fmt.Println(b.String(), Repeat("x", 3), Sqrt(16), MaxInt8, Contains("abc", "b"))
	fmt.Println(Fields(" a b  c "), Pi > 3, Floor(-1.5))
}
