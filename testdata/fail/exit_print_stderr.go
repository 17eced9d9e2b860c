// exitcode: 4

// A program that writes its own error to stderr before os.Exit(4).

package main

import "os"

func main() {
	println("error: something went wrong")
	os.Exit(4)
}
