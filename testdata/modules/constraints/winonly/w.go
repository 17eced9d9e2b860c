//go:build windows

// Package winonly exists on Windows only.
package winonly

const X = 1
