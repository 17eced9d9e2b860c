package main

import "fmt"

func helper() {
	fmt.Println("there is no func main in this file")
}
