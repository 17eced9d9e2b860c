// A file of another package in the same directory.
package three

const Three = 3
