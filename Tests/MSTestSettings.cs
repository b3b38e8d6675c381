// Test classes own separate service instances and databases, so they can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
