// Package badsig's test has the wrong signature.
package badsig
