// placeholder: replaced by the CLI driver
int main() { return 0; }
