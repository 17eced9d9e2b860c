// Package setup's tests have a TestMain, which runs around them.
package setup

// Ready is set by TestMain.
var Ready bool
