fn main() {
    iamplay_app::mount();
}
