// A command.
package main

func main() {}
