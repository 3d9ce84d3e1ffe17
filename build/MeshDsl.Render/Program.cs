using SkiaSharp;
using Svg.Skia;

// Usage: MeshDsl.Render INPUT.svg OUTPUT.png. Twice the SVG's size, on white.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MeshDsl.Render INPUT.svg OUTPUT.png");
    return 2;
}

var svg = new SKSvg();
using var picture = svg.Load(args[0]);
if (picture is null)
{
    Console.Error.WriteLine($"{args[0]}: not an SVG this renderer reads");
    return 1;
}

const float scale = 2f;
var bounds = picture.CullRect;
using var bitmap = new SKBitmap((int)Math.Ceiling(bounds.Width * scale), (int)Math.Ceiling(bounds.Height * scale));
using (var canvas = new SKCanvas(bitmap))
{
    canvas.Clear(SKColors.White);
    canvas.Scale(scale);
    canvas.DrawPicture(picture);
}

using var image = SKImage.FromBitmap(bitmap);
using var data = image.Encode(SKEncodedImageFormat.Png, 100);
File.WriteAllBytes(args[1], data.ToArray());
Console.WriteLine($"{args[1]}: {bitmap.Width}x{bitmap.Height}");
return 0;
