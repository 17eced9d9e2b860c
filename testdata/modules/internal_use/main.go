// lib/internal/secret may be imported only from lib and below: main may not.
package main

import (
	"fmt"

	"example.com/internal_use/lib/internal/secret"
)

func main() { fmt.Println(secret.Word) }
