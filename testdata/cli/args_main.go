// One package main in two files, with arguments: `gojit run args_main.go args_util.go -- a b`.

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(describe(os.Args[1:]))
}
