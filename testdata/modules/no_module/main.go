// No go.mod here or above: `run .` needs a module, `run main.go` does not.
package main

func main() { println("no module needed") }
