//! Draws a diagram from its text format: `cargo run -p iamplay-diagram --example svg < in.txt`.
//! Prints the SVG, or the problems with their positions.

use std::io::Read;

fn main() {
    let mut source = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut source) {
        eprintln!("cannot read stdin: {error}");
        std::process::exit(2);
    }
    let spec = match iamplay_diagram::parse(&source) {
        Ok(spec) => spec,
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            std::process::exit(1);
        }
    };
    match iamplay_diagram::layout(&spec) {
        Ok(diagram) => {
            let figure = iamplay_diagram::render(&diagram, "diagram", &[]);
            println!("{}", figure.svg.to_markup());
        }
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
