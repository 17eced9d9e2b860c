package main

import "strings"

func describe(args []string) string {
	return strings.Join(args, "+")
}
