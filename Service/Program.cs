using TweetsSoap.Service;
using TweetsSoap.Service.Export;

if (args is [ExportWsdlCommand.Name, .. var exportArgs])
{
    return await ExportWsdlCommand.RunAsync(exportArgs);
}

await TweetsSoapHost.Build(args).RunAsync();
return 0;
