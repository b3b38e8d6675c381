// The tests name the client's SOAP version enum as what it is to them: the version of SOAP a call speaks.
global using SoapVersion = TweetsSoap.Client.Soap.SoapProtocol;

// Test classes own separate service instances and databases, so they can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
