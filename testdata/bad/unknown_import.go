package main

import "nosuchpkg"

func main() {
	nosuchpkg.Do()
}
