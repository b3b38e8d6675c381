// The tests name the client's SOAP version enum as what it is to them: the version of SOAP a call speaks.
global using SoapVersion = TweetsSoap.Client.Soap.SoapProtocol;
