// Imports a package that no module in go.mod provides.
package main

import (
	"fmt"

	"github.com/nobody/nothing"
)

func main() { fmt.Println(nothing.X) }
