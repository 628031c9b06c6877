#include <afunix.h>
