// run

// A parameter may share its name with a package: every type of the signature,
// results included, is resolved outside the function, where the name is still
// the package's (crypto/sha3 does this).

package main

import (
	"fmt"
	"strings"
)

func unwrap(strings *strings.Builder) *strings.Builder { return strings }

func count(fmt []string) (n int, s fmt.Stringer) { return len(fmt), nil }

func main() {
	var b strings.Builder
	b.WriteString("kept")
	fmt.Println(unwrap(&b).String(), unwrap(&b) == &b)
	n, s := count([]string{"a", "b"})
	fmt.Println(n, s == nil)
	g := func(strings []strings.Reader) int { return len(strings) }
	fmt.Println(g(make([]strings.Reader, 3)))
}
